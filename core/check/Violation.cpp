#include "Violation.h"

namespace qc {

QString kindName(Violation::Kind kind)
{
    switch (kind) {
    case Violation::Kind::RuleViolation:
        return QStringLiteral("rule-violation");
    case Violation::Kind::SplitFusedGroup:
        return QStringLiteral("split-fused-group");
    case Violation::Kind::CutsOutOfOrder:
        return QStringLiteral("cuts-out-of-order");
    case Violation::Kind::NotNested:
        return QStringLiteral("not-nested");
    case Violation::Kind::EmptyProfile:
        return QStringLiteral("empty-profile");
    case Violation::Kind::UnmatchedName:
        return QStringLiteral("unmatched-name");
    case Violation::Kind::UnknownOp:
        return QStringLiteral("unknown-op");
    case Violation::Kind::MissingOp:
        return QStringLiteral("missing-op");
    case Violation::Kind::DuplicateOp:
        return QStringLiteral("duplicate-op");
    case Violation::Kind::Unranked:
        return QStringLiteral("unranked");
    case Violation::Kind::PartialRanking:
        return QStringLiteral("partial-ranking");
    case Violation::Kind::Unmeasured:
        return QStringLiteral("unmeasured");
    case Violation::Kind::NoSignal:
        return QStringLiteral("no-signal");
    case Violation::Kind::NotCandidate:
        return QStringLiteral("not-candidate");
    case Violation::Kind::TiedCut:
        return QStringLiteral("tied-cut");
    case Violation::Kind::BudgetNotMet:
        return QStringLiteral("budget-not-met");
    case Violation::Kind::StaleOutcome:
        return QStringLiteral("stale-outcome");
    }
    return {};
}

QString severityName(Violation::Severity severity)
{
    return severity == Violation::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace qc
