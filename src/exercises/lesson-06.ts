// Exercises of lesson 06 (registered on import).
export {};
