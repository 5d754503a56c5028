// oneDNN primitives are costly to create (tens of microseconds to milliseconds) and cheap to run
// again: keep one per distinct geometry, keyed by the integer parameters that define it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace convnet {

inline std::string cacheKey(const std::vector<int64_t>& fields) {
  return std::string(reinterpret_cast<const char*>(fields.data()), fields.size() * sizeof(int64_t));
}

template <typename Entry>
class PrimitiveCache {
 public:
  /** The cached entry for `key`, built by make() the first time (the cache is cleared when full). */
  template <typename Make>
  Entry& get(const std::string& key, Make make) {
    auto found = entries_.find(key);
    if (found != entries_.end()) return *found->second;
    if (entries_.size() >= kCapacity) entries_.clear();
    auto inserted = entries_.emplace(key, std::make_unique<Entry>(make()));
    return *inserted.first->second;
  }

 private:
  static constexpr size_t kCapacity = 512;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

}  // namespace convnet
