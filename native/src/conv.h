// Convolutions (regular and depthwise, NHWC) on the wasm heap with oneDNN: forward with optional
// bias and activation, and the two gradients (data and filter).
#pragma once
#include "heap.h"

namespace convnet {

/**
 * Parameter block shared by the three passes (Float64Array):
 *  0 x offset, 1 filter offset, 2 y offset, 3 bias offset (-1: none),
 *  4 N, 5 inHeight, 6 inWidth, 7 inChannels, 8 outHeight, 9 outWidth, 10 outChannels,
 *  11 filterHeight, 12 filterWidth, 13 strideHeight, 14 strideWidth, 15 dilationHeight,
 *  16 dilationWidth, 17 padTop, 18 padLeft, 19 depthwise (0/1), 20 activation, 21 activation alpha.
 * Forward reads x and filter and writes y; backward-data reads y (as dy) and filter and writes
 * x (as dx); backward-filter reads x and y (as dy) and writes the filter gradient.
 */
void convForward(const Heap& heap, const Params& params);
void convBackwardData(const Heap& heap, const Params& params);
void convBackwardFilter(const Heap& heap, const Params& params);

}  // namespace convnet
