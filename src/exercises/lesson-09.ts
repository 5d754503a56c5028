// Exercises of lesson 09 (registered on import).
export {};
