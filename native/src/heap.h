// Tensors live on the tfjs wasm heap; JavaScript passes byte offsets into it.
#pragma once
#include <cstdint>
#include <string>
#include "napi-util.h"

namespace convnet {

class Heap {
 public:
  explicit Heap(Bytes bytes) : bytes_(bytes) {}

  /** A float pointer at `offset` to `count` floats; throws if that runs past the heap or is misaligned. */
  float* floats(double offset, int64_t count, const char* what) const {
    if (offset < 0 || count < 0 || offset + 4.0 * static_cast<double>(count) > static_cast<double>(bytes_.length) ||
        static_cast<uint64_t>(offset) % 4 != 0) {
      throw NapiError(std::string("convnet-native: ") + what + " does not lie inside the wasm heap");
    }
    return reinterpret_cast<float*>(bytes_.data + static_cast<uint64_t>(offset));
  }

 private:
  Bytes bytes_;
};

/** A parameter block (Float64Array) read field by field. */
class Params {
 public:
  explicit Params(Bytes bytes) : values_(reinterpret_cast<const double*>(bytes.data)), count_(bytes.length / 8) {}
  double at(size_t index) const {
    if (index >= count_) throw NapiError("convnet-native: parameter block too short");
    return values_[index];
  }
  int64_t integer(size_t index) const { return static_cast<int64_t>(at(index)); }

 private:
  const double* values_;
  size_t count_;
};

}  // namespace convnet
