#pragma once

#include "ranking/RankOrder.h"

#include <QString>
#include <optional>
#include <vector>

namespace qc {

// One nested profile: its name, label and cut point.
struct ProfileSpec
{
    // The name outcomes give the unquantized model: no profile may take it, or its results and the
    // baseline's could not be told apart.
    static constexpr const char* kReservedName = "baseline";

    QString name;
    QString label;
    double cut = 0.0;

    bool operator==(const ProfileSpec&) const = default;
};

// Where the cut points sit, and what they measure.
struct CutPlan
{
    enum class CutBy {
        Ops, // fraction of the eligible ops, least sensitive first
        Params, // fraction of the eligible parameters
        Count, // number of eligible ops
        Score, // combined sensitivity threshold in (0, 1]
        Bits, // budget: effective bits per weight of the whole inventory (kept 16, INT8 8), at most this
        MemoryGb, // budget: weight memory in GB (1e9 bytes; kept 2 bytes, INT8 1 byte per weight), at most
                  // this
    };
    using Order = RankOrder;
    static constexpr int kMaxProfiles = 8;

    CutBy by = CutBy::Ops;
    Order order = Order::Score;
    std::vector<ProfileSpec> profiles;

    // A minimal 0.25, B moderate 0.50, C aggressive 0.80, D max 0.95.
    static CutPlan defaults();
    // "0.25,0.5" (names A, B, ... and default labels) or "A=0.25,B=0.5". Throws std::invalid_argument.
    static std::vector<ProfileSpec> parseCuts(const QString& text);
    static QString cutByName(CutBy by);
    static std::optional<CutBy> parseCutBy(const QString& text);
    static QString orderName(Order order);
    static std::optional<Order> parseOrder(const QString& text);
    // A budget falls as profiles grow: later profiles have smaller cuts.
    static bool isBudget(CutBy by) { return by == CutBy::Bits || by == CutBy::MemoryGb; }
    // Why a profile's cut is outside this plan's measure's domain (not finite, negative, a fraction above 1,
    // a budget outside 8..16 bits), or an empty string when it is valid.
    QString cutError(const ProfileSpec& spec) const;
    // The valid range of a cut for this plan's measure and a ranking's totals.
    double maxCut(qint64 eligibleOps, qint64 totalParams = 0) const;

    bool operator==(const CutPlan&) const = default;
};

} // namespace qc
