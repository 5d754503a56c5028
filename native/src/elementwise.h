// Element-wise kernels that replace chains of small tfjs ops: the ReLU gradient and Adam's update.
#pragma once
#include "heap.h"

namespace convnet {

/** Parameter block: 0 dy, 1 x, 2 dx, 3 size. dx = dy · step(x) (NaN where x is NaN), as tfjs's ReLU gradient. */
void reluGrad(const Heap& heap, const Params& params);

/**
 * One Adam step for one variable, in float32 in the order tfjs's AdamOptimizer computes it.
 * Parameter block: 0 value, 1 m, 2 v, 3 gradient, 4 new value, 5 new m, 6 new v, 7 size,
 * 8 beta1, 9 beta2, 10 1 − beta1^t, 11 1 − beta2^t, 12 epsilon, 13 learning rate.
 */
void adamUpdate(const Heap& heap, const Params& params);

}  // namespace convnet
