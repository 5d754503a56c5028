// Exercises of lesson 11 (registered on import).
export {};
