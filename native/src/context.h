// The one oneDNN CPU engine and stream every primitive runs on, and the thread count.
#pragma once
#include <oneapi/dnnl/dnnl.hpp>
#include <string>

namespace convnet {

dnnl::engine& cpuEngine();
dnnl::stream& cpuStream();
void setThreads(int threads);
int threads();
std::string versionString();
std::string isaName();

}  // namespace convnet
