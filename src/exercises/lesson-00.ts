// Exercises of lesson 00 (registered on import).
export {};
