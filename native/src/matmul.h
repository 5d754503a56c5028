// Batched matrix products on the wasm heap with oneDNN (tfjs BatchMatMul and _FusedMatMul).
#pragma once
#include "heap.h"

namespace convnet {

/**
 * Parameter block (Float64Array): 0 a offset, 1 b offset, 2 c offset, 3 bias offset (-1: none; a
 * vector of N), 4 batchA, 5 batchB (equal, or one of them 1 to broadcast), 6 M, 7 K, 8 N,
 * 9 transposeA, 10 transposeB, 11 activation, 12 activation alpha. a is [batchA, M, K] ([batchA,
 * K, M] transposed), b is [batchB, K, N] ([batchB, N, K] transposed), c is [max batch, M, N].
 */
void matMul(const Heap& heap, const Params& params);

}  // namespace convnet
