// Exercises of lesson 04 (registered on import).
export {};
