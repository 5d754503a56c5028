#include "context.h"
#include <omp.h>

namespace convnet {

// Never destroyed: at process exit oneDNN's own globals may already be gone (Node exits without
// unloading addons, and a destructor running then crashed the process).
dnnl::engine& cpuEngine() {
  static dnnl::engine* engine = new dnnl::engine(dnnl::engine::kind::cpu, 0);
  return *engine;
}

dnnl::stream& cpuStream() {
  static dnnl::stream* stream = new dnnl::stream(cpuEngine());
  return *stream;
}

// oneDNN here runs on OpenMP; every call comes from Node's main thread, so this sets its team size.
void setThreads(int count) { omp_set_num_threads(count); }

int threads() { return omp_get_max_threads(); }

std::string versionString() {
  const dnnl_version_t* v = dnnl_version();
  return std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch);
}

std::string isaName() {
  switch (dnnl::get_effective_cpu_isa()) {
    case dnnl::cpu_isa::sse41: return "sse4.1";
    case dnnl::cpu_isa::avx: return "avx";
    case dnnl::cpu_isa::avx2: return "avx2";
    case dnnl::cpu_isa::avx2_vnni: return "avx2_vnni";
    case dnnl::cpu_isa::avx512_core: return "avx512_core";
    case dnnl::cpu_isa::avx512_core_vnni: return "avx512_core_vnni";
    case dnnl::cpu_isa::avx512_core_bf16: return "avx512_core_bf16";
    case dnnl::cpu_isa::avx512_core_amx: return "avx512_core_amx";
    default: return "other";
  }
}

}  // namespace convnet
