// Exercises of lesson 01 (registered on import).
export {};
