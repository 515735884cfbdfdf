#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace qcbench {

// A DeepSeek-style MoE model shaped to exactly N ops: 61 decoder layers (fewer for tiny N), each with
// attention q/k/v/o, two RMSNorms, a router (mlp.gate) and as many experts (gate/up/down_proj) as N needs,
// plus embed_tokens, model.norm and lm_head. Ops are generated from compact descriptors rather than stored
// as strings, so producing the 1M-op files does not itself inflate the benchmark's peak RSS much.
class SyntheticModel
{
public:
    explicit SyntheticModel(int opCount);

    int opCount() const { return int(m_ops.size()); }
    int layers() const { return m_layers; }
    int expertsPerLayer() const { return m_experts; }

    // ops CSV: name,op_type,layer_index,component,params
    void writeInventoryCsv(const QString& path) const;
    // INC 2.x MSE_V2 debug log: one "fallback order: {('name', 'Linear'): tensor(x), ...}" line scoring
    // every Linear, ascending as INC sorts it. Seeded: the same N always gives the same bytes.
    void writeMseLog(const QString& path) const;
    // INC 2.x HAWQ_V2 log: one "*** op: <name>, hessian trace : <x>" line per Linear.
    void writeHawqLog(const QString& path) const;
    // A "name,score" table of every Linear: the generic CSV format, as a user's own script writes it.
    enum class Scores { Mse, Hawq };
    void writeScoreCsv(const QString& path, Scores which) const;

    enum class Kind : std::uint8_t {
        Embed,
        FinalNorm,
        LmHead,
        InputNorm,
        PostNorm,
        QProj,
        KProj,
        VProj,
        OProj,
        Router,
        SharedExpertGate,
        ExpertGate,
        ExpertUp,
        ExpertDown,
    };
    // 8 bytes per op: 1M ops cost 8 MB.
    struct OpDesc
    {
        std::int32_t expert = -1;
        std::int16_t layer = -1;
        Kind kind = Kind::Embed;
    };

private:
    void appendLayer(int layer, int experts, bool sharedExpertGate);
    std::vector<int> linearOps() const;
    std::vector<double> mseScores() const; // per op, 0 for non-Linear ops; seeded
    std::vector<double> hawqScores() const;

    int m_layers = 0;
    int m_experts = 0;
    std::vector<int> m_layerExperts;
    std::vector<OpDesc> m_ops;
};

} // namespace qcbench
