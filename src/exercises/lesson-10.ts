// Exercises of lesson 10 (registered on import).
export {};
