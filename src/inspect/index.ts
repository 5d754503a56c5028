// Looking inside a trained convnet: activations, filter visualisation, Grad-CAM (lesson 14).
export {};
