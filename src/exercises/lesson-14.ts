// Exercises of lesson 14 (registered on import).
export {};
