#include "SyntheticModel.h"

#include <QByteArray>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace qcbench {

namespace {

// DeepSeek-V3 has 61 decoder layers; the other sizes scale the experts per layer.
constexpr int kMaxLayers = 61;
constexpr int kGlobalOps = 3; // embed_tokens, model.norm, lm_head
constexpr int kLayerFixedOps = 7; // 2 norms, q/k/v/o, router
constexpr int kOpsPerExpert = 3;
constexpr qint64 kHidden = 7168;
constexpr qint64 kMoeIntermediate = 2048;
constexpr qint64 kAttnWidth = 16384;
constexpr qint64 kKvWidth = 1024;
constexpr qint64 kVocab = 129280;
// Fixed seeds: the same size always produces the same files, so runs compare.
constexpr unsigned kMseSeed = 20240501;
constexpr unsigned kHawqSeed = 20240502;

using Kind = SyntheticModel::Kind;
using OpDesc = SyntheticModel::OpDesc;

// Appends to a QFile in 1 MiB chunks: the 1M-op files never exist in memory as a whole.
class ChunkedWriter
{
public:
    explicit ChunkedWriter(const QString& path)
        : m_file(path)
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write " + path.toStdString());
        m_buffer.reserve(kChunk + 4096);
    }
    ~ChunkedWriter() { flush(); }

    QByteArray& buffer() { return m_buffer; }
    void maybeFlush()
    {
        if (m_buffer.size() >= kChunk)
            flush();
    }
    void flush()
    {
        if (m_file.write(m_buffer) != m_buffer.size())
            throw std::runtime_error("short write to " + m_file.fileName().toStdString());
        m_buffer.clear();
    }

private:
    static constexpr qsizetype kChunk = 1 << 20;
    QFile m_file;
    QByteArray m_buffer;
};

void appendName(QByteArray& out, const OpDesc& op)
{
    if (op.kind == Kind::Embed)
        return void(out.append("model.embed_tokens"));
    if (op.kind == Kind::FinalNorm)
        return void(out.append("model.norm"));
    if (op.kind == Kind::LmHead)
        return void(out.append("lm_head"));
    out.append("model.layers.").append(QByteArray::number(op.layer));
    switch (op.kind) {
    case Kind::InputNorm:
        out.append(".input_layernorm");
        return;
    case Kind::PostNorm:
        out.append(".post_attention_layernorm");
        return;
    case Kind::QProj:
        out.append(".self_attn.q_proj");
        return;
    case Kind::KProj:
        out.append(".self_attn.k_proj");
        return;
    case Kind::VProj:
        out.append(".self_attn.v_proj");
        return;
    case Kind::OProj:
        out.append(".self_attn.o_proj");
        return;
    case Kind::Router:
        out.append(".mlp.gate");
        return;
    case Kind::SharedExpertGate:
        out.append(".mlp.shared_expert_gate");
        return;
    default:
        break;
    }
    out.append(".mlp.experts.").append(QByteArray::number(op.expert));
    out.append(op.kind == Kind::ExpertGate ? ".gate_proj"
            : op.kind == Kind::ExpertUp    ? ".up_proj"
                                           : ".down_proj");
}

const char* opType(Kind kind)
{
    switch (kind) {
    case Kind::Embed:
        return "Embedding";
    case Kind::FinalNorm:
    case Kind::InputNorm:
    case Kind::PostNorm:
        return "RMSNorm";
    default:
        return "Linear";
    }
}

const char* component(Kind kind)
{
    return kind == Kind::Embed ? "embedding" : kind == Kind::LmHead ? "head" : "language";
}

qint64 params(Kind kind, int expertsInLayer)
{
    switch (kind) {
    case Kind::Embed:
    case Kind::LmHead:
        return kVocab * kHidden;
    case Kind::FinalNorm:
    case Kind::InputNorm:
    case Kind::PostNorm:
        return kHidden;
    case Kind::QProj:
    case Kind::OProj:
        return kHidden * kAttnWidth;
    case Kind::KProj:
    case Kind::VProj:
        return kHidden * kKvWidth;
    case Kind::Router:
        return kHidden * expertsInLayer;
    case Kind::SharedExpertGate:
        return kHidden;
    default:
        return kHidden * kMoeIntermediate;
    }
}

// A log line prefix as INC's logger writes it.
constexpr char kLogPrefixDebug[] = "2024-05-01 10:00:00 [DEBUG] ";
constexpr char kLogPrefixInfo[] = "2024-05-01 10:00:00 [INFO] ";

} // namespace

SyntheticModel::SyntheticModel(int opCount)
{
    const int layerBudget = opCount - kGlobalOps;
    const int minLayerOps = kLayerFixedOps + kOpsPerExpert;
    if (layerBudget < minLayerOps)
        throw std::invalid_argument("a synthetic model needs at least 13 ops");
    m_layers = std::min(kMaxLayers, layerBudget / minLayerOps);
    const int perLayer = layerBudget / m_layers;
    m_experts = (perLayer - kLayerFixedOps) / kOpsPerExpert;
    // What the even split leaves (< 3 * layers): one more expert in the first layers, then a shared-expert
    // gate in the first one or two, so the total is exactly opCount.
    const int rest = layerBudget - m_layers * (kLayerFixedOps + kOpsPerExpert * m_experts);
    const int extraExperts = rest / kOpsPerExpert;
    const int extraGates = rest % kOpsPerExpert;

    m_ops.reserve(size_t(opCount));
    m_ops.push_back({ -1, -1, Kind::Embed });
    for (int layer = 0; layer < m_layers; ++layer)
        appendLayer(layer, m_experts + (layer < extraExperts ? 1 : 0), layer < extraGates);
    m_ops.push_back({ -1, -1, Kind::FinalNorm });
    m_ops.push_back({ -1, -1, Kind::LmHead });
    if (int(m_ops.size()) != opCount)
        throw std::logic_error("synthetic model size mismatch");
}

void SyntheticModel::appendLayer(int layer, int experts, bool sharedExpertGate)
{
    const auto l = std::int16_t(layer);
    m_layerExperts.push_back(experts);
    for (Kind kind :
        { Kind::InputNorm, Kind::QProj, Kind::KProj, Kind::VProj, Kind::OProj, Kind::PostNorm, Kind::Router })
        m_ops.push_back({ -1, l, kind });
    if (sharedExpertGate)
        m_ops.push_back({ -1, l, Kind::SharedExpertGate });
    for (int e = 0; e < experts; ++e) {
        for (Kind kind : { Kind::ExpertGate, Kind::ExpertUp, Kind::ExpertDown })
            m_ops.push_back({ e, l, kind });
    }
}

std::vector<int> SyntheticModel::linearOps() const
{
    std::vector<int> out;
    out.reserve(m_ops.size());
    for (size_t i = 0; i < m_ops.size(); ++i) {
        if (qstrcmp(opType(m_ops[i].kind), "Linear") == 0)
            out.push_back(int(i));
    }
    return out;
}

void SyntheticModel::writeInventoryCsv(const QString& path) const
{
    ChunkedWriter writer(path);
    QByteArray& out = writer.buffer();
    out.append("name,op_type,layer_index,component,params\n");
    for (const OpDesc& op : m_ops) {
        // The router's width is its layer's expert count.
        const int expertsInLayer = op.layer >= 0 ? m_layerExperts[size_t(op.layer)] : 0;
        appendName(out, op);
        out.append(',').append(opType(op.kind)).append(',');
        if (op.layer >= 0)
            out.append(QByteArray::number(op.layer));
        out.append(',').append(component(op.kind)).append(',');
        out.append(QByteArray::number(params(op.kind, expertsInLayer))).append('\n');
        writer.maybeFlush();
    }
}

std::vector<double> SyntheticModel::mseScores() const
{
    std::mt19937 rng(kMseSeed);
    // Output MSEs spread over orders of magnitude, as INC's per-op fallback scores do.
    std::lognormal_distribution<double> mse(-7.0, 1.5);
    std::vector<double> score(m_ops.size(), 0.0);
    for (int op : linearOps())
        score[size_t(op)] = mse(rng);
    return score;
}

std::vector<double> SyntheticModel::hawqScores() const
{
    std::mt19937 rng(kHawqSeed);
    std::lognormal_distribution<double> trace(0.0, 2.0);
    std::vector<double> score(m_ops.size(), 0.0);
    for (int op : linearOps())
        score[size_t(op)] = trace(rng);
    return score;
}

void SyntheticModel::writeMseLog(const QString& path) const
{
    std::vector<int> linear = linearOps();
    const std::vector<double> score = mseScores();
    // INC logs the dict sorted ascending (the first op falls back first).
    std::stable_sort(
        linear.begin(), linear.end(), [&](int a, int b) { return score[size_t(a)] < score[size_t(b)]; });

    ChunkedWriter writer(path);
    QByteArray& out = writer.buffer();
    out.append(kLogPrefixInfo).append("Start to run MSE_V2 tuning strategy.\n");
    out.append(kLogPrefixDebug).append("*** fallback order: {");
    char number[32];
    for (size_t i = 0; i < linear.size(); ++i) {
        const OpDesc& op = m_ops[size_t(linear[i])];
        if (i > 0)
            out.append(", ");
        out.append("('");
        appendName(out, op);
        out.append("', 'Linear'): tensor(");
        std::snprintf(number, sizeof number, "%.4e", score[size_t(linear[i])]);
        out.append(number).append(')');
        writer.maybeFlush();
    }
    out.append("}\n");
    out.append(kLogPrefixInfo).append("Tune 1 result is: [Accuracy (int8|fp32): 0.7512|0.7530]\n");
}

void SyntheticModel::writeHawqLog(const QString& path) const
{
    const std::vector<double> score = hawqScores();
    ChunkedWriter writer(path);
    QByteArray& out = writer.buffer();
    out.append(kLogPrefixInfo).append("Start to run HAWQ_V2 tuning strategy.\n");
    char number[32];
    for (int op : linearOps()) {
        out.append(kLogPrefixInfo).append("*** op: ");
        appendName(out, m_ops[size_t(op)]);
        std::snprintf(number, sizeof number, "%.9g", score[size_t(op)]);
        out.append(", hessian trace : ").append(number).append('\n');
        writer.maybeFlush();
    }
    out.append(kLogPrefixInfo).append("Tune 1 result is: [Accuracy (int8|fp32): 0.7498|0.7530]\n");
}

void SyntheticModel::writeScoreCsv(const QString& path, Scores which) const
{
    const std::vector<double> score = which == Scores::Mse ? mseScores() : hawqScores();
    ChunkedWriter writer(path);
    QByteArray& out = writer.buffer();
    out.append("name,score\n");
    char number[32];
    for (int op : linearOps()) {
        appendName(out, m_ops[size_t(op)]);
        std::snprintf(number, sizeof number, ",%.9g\n", score[size_t(op)]);
        out.append(number);
        writer.maybeFlush();
    }
}

} // namespace qcbench
