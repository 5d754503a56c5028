// Exercises of lesson 13 (registered on import).
export {};
