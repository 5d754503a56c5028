// Exercises of lesson 02 (registered on import).
export {};
