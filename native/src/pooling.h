// Max-pooling gradient on the wasm heap (NHWC): each window's gradient goes to its first maximum.
#pragma once
#include "heap.h"

namespace convnet {

/**
 * Parameter block: 0 dy offset, 1 x offset, 2 dx offset, 3 N, 4 inHeight, 5 inWidth, 6 channels,
 * 7 outHeight, 8 outWidth, 9 filterHeight, 10 filterWidth, 11 strideHeight, 12 strideWidth,
 * 13 padTop, 14 padLeft. Ties go to the first maximum in row-major window order and windows
 * with no value above -Infinity (all NaN or -Infinity) pass no gradient, as in tfjs-cpu.
 */
void maxPoolGrad(const Heap& heap, const Params& params);

}  // namespace convnet
