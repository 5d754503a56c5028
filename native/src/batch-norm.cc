#include "batch-norm.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace convnet {
namespace {

constexpr int64_t kParallelFrom = 32768;  // values; below this, waking threads costs more than it saves

int teamSize(int64_t values) { return values >= kParallelFrom ? omp_get_max_threads() : 1; }

/** Per-channel sums of f(row values) over all rows, in double, one partial sum per thread added in order. */
template <typename RowSums>
void channelSums(int64_t rows, int64_t channels, int sumsPerChannel, std::vector<double>& total, RowSums rowSums) {
  const int team = teamSize(rows * channels);
  std::vector<double> partial(static_cast<size_t>(team) * sumsPerChannel * channels, 0.0);
#pragma omp parallel num_threads(team)
  {
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    double* mine = partial.data() + static_cast<size_t>(t) * sumsPerChannel * channels;
    for (int64_t r = rows * t / nt; r < rows * (t + 1) / nt; r++) rowSums(r, mine);
  }
  total.assign(static_cast<size_t>(sumsPerChannel) * channels, 0.0);
  for (int t = 0; t < team; t++) {
    for (size_t i = 0; i < total.size(); i++) total[i] += partial[static_cast<size_t>(t) * total.size() + i];
  }
}

/** out[r, c] = a[r, c] · s[c] + (b[r, c] − m[c]) · t[c] + u[c] (b may be null: then only a·s + u). */
void perChannelAffine(int64_t rows, int64_t channels, const float* a, const float* s, const float* b, const float* m,
                      const float* t, const float* u, float* out) {
#pragma omp parallel for schedule(static) num_threads(teamSize(rows * channels))
  for (int64_t r = 0; r < rows; r++) {
    const float* ar = a + r * channels;
    float* o = out + r * channels;
    if (b == nullptr) {
      for (int64_t c = 0; c < channels; c++) o[c] = ar[c] * s[c] + u[c];
    } else {
      const float* br = b + r * channels;
      for (int64_t c = 0; c < channels; c++) o[c] = ar[c] * s[c] + (br[c] - m[c]) * t[c] + u[c];
    }
  }
}

const float* optional(const Heap& heap, double offset, int64_t count, const char* what) {
  return offset < 0 ? nullptr : heap.floats(offset, count, what);
}

}  // namespace

void batchNormTraining(const Heap& heap, const Params& p) {
  const int64_t rows = p.integer(6), channels = p.integer(7);
  const double epsilon = p.at(8);
  if (rows < 1 || channels < 1) throw NapiError("convnet-native: batch norm needs at least one row and one channel");
  const float* x = heap.floats(p.at(0), rows * channels, "batchNorm x");
  const float* scale = optional(heap, p.at(1), channels, "batchNorm scale");
  const float* offset = optional(heap, p.at(2), channels, "batchNorm offset");
  float* y = heap.floats(p.at(3), rows * channels, "batchNorm y");
  float* mean = heap.floats(p.at(4), channels, "batchNorm mean");
  float* variance = heap.floats(p.at(5), channels, "batchNorm variance");
  // Σx and Σx² in double: cancellation in Σx²/n − mean² is then far below float32's precision.
  std::vector<double> sums;
  channelSums(rows, channels, 2, sums, [&](int64_t r, double* s) {
    const float* xr = x + r * channels;
    for (int64_t c = 0; c < channels; c++) {
      const double v = xr[c];
      s[c] += v;
      s[channels + c] += v * v;
    }
  });
  std::vector<float> factor(channels), shift(channels);
  for (int64_t c = 0; c < channels; c++) {
    const double m = sums[c] / rows;
    const double var = std::max(0.0, sums[channels + c] / rows - m * m);
    mean[c] = static_cast<float>(m);
    variance[c] = static_cast<float>(var);
    const double k = (scale ? scale[c] : 1.0) / std::sqrt(static_cast<double>(variance[c]) + epsilon);
    factor[c] = static_cast<float>(k);
    shift[c] = static_cast<float>((offset ? offset[c] : 0.0) - mean[c] * k);
  }
  perChannelAffine(rows, channels, x, factor.data(), nullptr, nullptr, nullptr, shift.data(), y);
}

void batchNormTrainingGrad(const Heap& heap, const Params& p) {
  const int64_t rows = p.integer(10), channels = p.integer(11);
  const double epsilon = p.at(12);
  if (rows < 1 || channels < 1) throw NapiError("convnet-native: batch norm needs at least one row and one channel");
  const float* x = heap.floats(p.at(0), rows * channels, "batchNorm x");
  const float* dy = heap.floats(p.at(1), rows * channels, "batchNorm dy");
  const float* scale = optional(heap, p.at(2), channels, "batchNorm scale");
  const float* mean = heap.floats(p.at(3), channels, "batchNorm mean");
  const float* variance = heap.floats(p.at(4), channels, "batchNorm variance");
  const float* dMean = optional(heap, p.at(5), channels, "batchNorm mean gradient");
  const float* dVariance = optional(heap, p.at(6), channels, "batchNorm variance gradient");
  float* dx = heap.floats(p.at(7), rows * channels, "batchNorm dx");
  float* dScale = p.at(8) < 0 ? nullptr : heap.floats(p.at(8), channels, "batchNorm scale gradient");
  float* dOffset = p.at(9) < 0 ? nullptr : heap.floats(p.at(9), channels, "batchNorm offset gradient");
  // Σdy and Σdy·(x − mean).
  std::vector<double> sums;
  channelSums(rows, channels, 2, sums, [&](int64_t r, double* s) {
    const float* xr = x + r * channels;
    const float* dr = dy + r * channels;
    for (int64_t c = 0; c < channels; c++) {
      s[c] += dr[c];
      s[channels + c] += static_cast<double>(dr[c]) * (xr[c] - mean[c]);
    }
  });
  // dx = dy·k + (x − mean)·a + b, with k = scale/σ, a = (2·dVariance − k·Σdy(x−mean)/σ²)/n, b = (dMean − k·Σdy)/n.
  std::vector<float> k(channels), a(channels), b(channels);
  for (int64_t c = 0; c < channels; c++) {
    const double invStd = 1.0 / std::sqrt(static_cast<double>(variance[c]) + epsilon);
    const double kc = (scale ? scale[c] : 1.0) * invStd;
    k[c] = static_cast<float>(kc);
    a[c] = static_cast<float>((2.0 * (dVariance ? dVariance[c] : 0.0) - kc * invStd * invStd * sums[channels + c]) / rows);
    b[c] = static_cast<float>(((dMean ? dMean[c] : 0.0) - kc * sums[c]) / rows);
    if (dScale) dScale[c] = static_cast<float>(sums[channels + c] * invStd);
    if (dOffset) dOffset[c] = static_cast<float>(sums[c]);
  }
  perChannelAffine(rows, channels, dy, k.data(), x, mean, a.data(), b.data(), dx);
}

}  // namespace convnet
