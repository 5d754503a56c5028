// Exercises of lesson 16 (registered on import).
export {};
