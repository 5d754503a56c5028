// Exercises of lesson 17 (registered on import).
export {};
