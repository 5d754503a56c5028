#include "pooling.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace convnet {

void maxPoolGrad(const Heap& heap, const Params& p) {
  const int64_t n = p.integer(3), h = p.integer(4), w = p.integer(5), c = p.integer(6), oh = p.integer(7), ow = p.integer(8);
  const int64_t fh = p.integer(9), fw = p.integer(10), sh = p.integer(11), sw = p.integer(12), top = p.integer(13), left = p.integer(14);
  for (int64_t v : {n, h, w, c, oh, ow, fh, fw, sh, sw}) {
    if (v < 1) throw NapiError("convnet-native: max-pool sizes and strides must be positive");
  }
  const float* dy = heap.floats(p.at(0), n * oh * ow * c, "maxPoolGrad dy");
  const float* x = heap.floats(p.at(1), n * h * w * c, "maxPoolGrad input");
  float* dx = heap.floats(p.at(2), n * h * w * c, "maxPoolGrad output");
  // Images are independent (their dx do not overlap), so they are shared out among threads.
#pragma omp parallel if (n * h * w * c >= 32768)
  {
    std::vector<float> best(c);
    std::vector<int64_t> where(c);
#pragma omp for schedule(static)
    for (int64_t b = 0; b < n; b++) {
      float* dxImage = dx + b * h * w * c;
      std::fill(dxImage, dxImage + h * w * c, 0.f);
      const float* xImage = x + b * h * w * c;
      for (int64_t yr = 0; yr < oh; yr++) {
        const int64_t r0 = std::max<int64_t>(0, yr * sh - top), r1 = std::min(h, yr * sh - top + fh);
        for (int64_t yc = 0; yc < ow; yc++) {
          const int64_t c0 = std::max<int64_t>(0, yc * sw - left), c1 = std::min(w, yc * sw - left + fw);
          std::fill(best.begin(), best.end(), -std::numeric_limits<float>::infinity());
          std::fill(where.begin(), where.end(), -1);
          for (int64_t r = r0; r < r1; r++) {
            for (int64_t col = c0; col < c1; col++) {
              const int64_t base = (r * w + col) * c;
              const float* px = xImage + base;
              for (int64_t d = 0; d < c; d++) {
                const bool greater = px[d] > best[d];  // written without a branch: after a ReLU it is a coin toss
                best[d] = greater ? px[d] : best[d];
                where[d] = greater ? base + d : where[d];
              }
            }
          }
          const float* g = dy + ((b * oh + yr) * ow + yc) * c;
          for (int64_t d = 0; d < c; d++) {
            if (where[d] >= 0) dxImage[where[d]] += g[d];
          }
        }
      }
    }
  }
}

}  // namespace convnet
