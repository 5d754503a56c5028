// Exercises of lesson 15 (registered on import).
export {};
