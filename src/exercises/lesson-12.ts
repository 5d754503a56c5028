// Exercises of lesson 12 (registered on import).
export {};
