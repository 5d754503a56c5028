// Batch normalisation in training mode, fused: statistics and normalisation in two passes over
// x, and the gradient (through the batch statistics too) in two more.
#pragma once
#include "heap.h"

namespace convnet {

/**
 * Forward. Parameter block: 0 x, 1 scale (-1: none), 2 offset (-1: none), 3 y, 4 mean, 5 variance
 * (offsets; x and y are [rows, channels], the others [channels]), 6 rows, 7 channels, 8 epsilon.
 * mean and variance are the batch's (variance divides by rows, as tf.moments does);
 * y = (x − mean) / √(variance + ε) · scale + offset.
 */
void batchNormTraining(const Heap& heap, const Params& params);

/**
 * Gradient. Parameter block: 0 x, 1 dy, 2 scale (-1: none), 3 mean, 4 variance, 5 dMean (-1: none),
 * 6 dVariance (-1: none), 7 dx, 8 dScale (-1: skip), 9 dOffset (-1: skip), 10 rows, 11 channels,
 * 12 epsilon. dMean and dVariance are upstream gradients of the statistics outputs.
 */
void batchNormTrainingGrad(const Heap& heap, const Params& params);

}  // namespace convnet
