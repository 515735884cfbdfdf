#include "KeepCause.h"

namespace qc {

KeepCause KeepCause::of(const Ranking& ranking, int op)
{
    switch (ranking.state[size_t(op)]) {
    case OpState::KeptByRule:
        return { Kind::Rule, ranking.rule[size_t(op)] };
    case OpState::KeptByOverride:
        return { Kind::Override, ranking.overrideIndex[size_t(op)] };
    case OpState::KeptWithGroup:
        return { Kind::Fused, ranking.partner[size_t(op)] };
    case OpState::Unmeasured:
        return { Kind::Unmeasured, -1 };
    case OpState::Unranked:
        return { Kind::Unranked, -1 };
    default:
        return { Kind::Cut, -1 };
    }
}

QLatin1StringView KeepCause::word(Kind kind)
{
    switch (kind) {
    case Kind::Unmeasured:
        return QLatin1StringView("unmeasured");
    case Kind::Unranked:
        return QLatin1StringView("unranked");
    case Kind::Cut:
        return QLatin1StringView("cut");
    default:
        return {};
    }
}

} // namespace qc
