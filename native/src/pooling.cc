#include "pooling.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace convnet {
namespace {

constexpr float kNegativeInfinity = -std::numeric_limits<float>::infinity();

struct Pool {
  int64_t h, w, c, oh, ow, fh, fw, sh, sw, top, left;
  int64_t rowStart(int64_t yr) const { return std::max<int64_t>(0, yr * sh - top); }
  int64_t rowEnd(int64_t yr) const { return std::min(h, yr * sh - top + fh); }
  int64_t colStart(int64_t yc) const { return std::max<int64_t>(0, yc * sw - left); }
  int64_t colEnd(int64_t yc) const { return std::min(w, yc * sw - left + fw); }
};

/** Per channel, the largest value of a window above -Infinity (NaN never wins), into best. */
void windowMax(const Pool& p, const float* __restrict x, int64_t yr, int64_t yc, float* __restrict best) {
  std::fill(best, best + p.c, kNegativeInfinity);
  for (int64_t r = p.rowStart(yr); r < p.rowEnd(yr); r++) {
    for (int64_t col = p.colStart(yc); col < p.colEnd(yc); col++) {
      const float* __restrict px = x + (r * p.w + col) * p.c;
      for (int64_t d = 0; d < p.c; d++) best[d] = px[d] > best[d] ? px[d] : best[d];
    }
  }
}

/**
 * One window position, channels d0.. : dx = dy where x is the window's maximum and no earlier
 * position was (taken holds all-ones float masks), else 0. Branch-free: after a ReLU, ties at 0
 * are a coin toss, and GCC does not vectorise the scalar form.
 */
void firstMaximum(int64_t channels, const float* __restrict x, const float* __restrict best, const float* __restrict g,
                  float* __restrict taken, float* __restrict dx) {
  int64_t d = 0;
#if defined(__SSE2__)
  const __m128 floor = _mm_set1_ps(kNegativeInfinity);
  for (; d + 4 <= channels; d += 4) {
    const __m128 b = _mm_loadu_ps(best + d);
    const __m128 before = _mm_loadu_ps(taken + d);
    const __m128 hit = _mm_andnot_ps(before, _mm_and_ps(_mm_cmpeq_ps(_mm_loadu_ps(x + d), b), _mm_cmpgt_ps(b, floor)));
    _mm_storeu_ps(taken + d, _mm_or_ps(before, hit));
    _mm_storeu_ps(dx + d, _mm_and_ps(hit, _mm_loadu_ps(g + d)));
  }
#endif
  for (; d < channels; d++) {
    const bool hit = x[d] == best[d] && best[d] > kNegativeInfinity && taken[d] == 0.f;
    if (hit) taken[d] = 1.f;
    dx[d] = hit ? g[d] : 0.f;
  }
}

/**
 * Windows that do not overlap (stride ≥ filter): every dx value belongs to at most one window,
 * so each window writes its own dx directly (the first position equal to the maximum gets dy,
 * the others 0), without a scatter.
 */
void disjointWindows(const Pool& p, const float* __restrict x, const float* __restrict dy, float* __restrict dx,
                     float* __restrict best, float* __restrict taken) {
  std::fill(dx, dx + p.h * p.w * p.c, 0.f);  // rows and columns no window covers
  for (int64_t yr = 0; yr < p.oh; yr++) {
    for (int64_t yc = 0; yc < p.ow; yc++) {
      windowMax(p, x, yr, yc, best);
      std::memset(taken, 0, sizeof(float) * p.c);
      const float* g = dy + (yr * p.ow + yc) * p.c;
      for (int64_t r = p.rowStart(yr); r < p.rowEnd(yr); r++) {
        for (int64_t col = p.colStart(yc); col < p.colEnd(yc); col++) {
          const int64_t base = (r * p.w + col) * p.c;
          firstMaximum(p.c, x + base, best, g, taken, dx + base);
        }
      }
    }
  }
}

/** Overlapping windows: find each window's first maximum, then add dy there. */
void overlappingWindows(const Pool& p, const float* __restrict x, const float* __restrict dy, float* __restrict dx,
                        float* __restrict best, int64_t* __restrict where) {
  std::fill(dx, dx + p.h * p.w * p.c, 0.f);
  for (int64_t yr = 0; yr < p.oh; yr++) {
    for (int64_t yc = 0; yc < p.ow; yc++) {
      std::fill(best, best + p.c, kNegativeInfinity);
      std::fill(where, where + p.c, -1);
      for (int64_t r = p.rowStart(yr); r < p.rowEnd(yr); r++) {
        for (int64_t col = p.colStart(yc); col < p.colEnd(yc); col++) {
          const int64_t base = (r * p.w + col) * p.c;
          for (int64_t d = 0; d < p.c; d++) {
            const bool greater = x[base + d] > best[d];
            best[d] = greater ? x[base + d] : best[d];
            where[d] = greater ? base + d : where[d];
          }
        }
      }
      const float* g = dy + (yr * p.ow + yc) * p.c;
      for (int64_t d = 0; d < p.c; d++) {
        if (where[d] >= 0) dx[where[d]] += g[d];
      }
    }
  }
}

}  // namespace

void maxPoolGrad(const Heap& heap, const Params& params) {
  const int64_t n = params.integer(3);
  const Pool p{params.integer(4), params.integer(5), params.integer(6), params.integer(7), params.integer(8), params.integer(9),
               params.integer(10), params.integer(11), params.integer(12), params.integer(13), params.integer(14)};
  for (int64_t v : {n, p.h, p.w, p.c, p.oh, p.ow, p.fh, p.fw, p.sh, p.sw}) {
    if (v < 1) throw NapiError("convnet-native: max-pool sizes and strides must be positive");
  }
  const int64_t image = p.h * p.w * p.c, outImage = p.oh * p.ow * p.c;
  const float* dy = heap.floats(params.at(0), n * outImage, "maxPoolGrad dy");
  const float* x = heap.floats(params.at(1), n * image, "maxPoolGrad input");
  float* dx = heap.floats(params.at(2), n * image, "maxPoolGrad output");
  const bool disjoint = p.sh >= p.fh && p.sw >= p.fw;
  // Images are independent (their dx do not overlap), so they are shared out among threads.
#pragma omp parallel if (n * image >= 32768)
  {
    std::vector<float> best(p.c);
    std::vector<int64_t> where(p.c);
    std::vector<float> taken(p.c);
#pragma omp for schedule(static)
    for (int64_t b = 0; b < n; b++) {
      if (disjoint) {
        disjointWindows(p, x + b * image, dy + b * outImage, dx + b * image, best.data(), taken.data());
      } else {
        overlappingWindows(p, x + b * image, dy + b * outImage, dx + b * image, best.data(), where.data());
      }
    }
  }
}

}  // namespace convnet
