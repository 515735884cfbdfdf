#pragma once

#include <QString>
#include <vector>

namespace qc {

// One problem a profile set has. Errors make `check` exit 1; warnings are reported only.
struct Violation
{
    enum class Severity { Warning, Error };
    enum class Kind {
        RuleViolation, // a profile quantizes an op a keep rule keeps (a forced override, or a hand-edited
                       // file)
        SplitFusedGroup, // fused partners in different precisions within one profile
        CutsOutOfOrder, // a profile's cut is below the previous profile's
        NotNested, // a profile does not quantize everything the previous one does
        EmptyProfile, // a profile quantizes nothing
        UnmatchedName, // a source name matched no op, or several
        UnknownOp, // a profile or override names an op not in the inventory
        MissingOp, // an inventory op is in neither quantize nor keep of a profile
        DuplicateOp, // an op listed twice within one profile
        Unranked, // an op no metric ranks (kept in higher precision)
        PartialRanking, // an op some metrics do not rank (ranked by the others)
        Unmeasured, // an op sources list but none measured (kept in higher precision)
        NoSignal, // a stretch of a source's values that cannot rank (exact zeros, one tied value)
        NotCandidate, // ops a source lists that were never quantization candidates
        TiedCut, // a profile's cut falls inside a run of tied scores: the tie-break decides
        BudgetNotMet, // a budgeted profile quantizes every eligible op and still misses its budget
        StaleOutcome, // outcomes measured on other INT8 ops than the profile has now, or of a profile gone
    };

    Severity severity = Severity::Error;
    Kind kind = Kind::RuleViolation;
    QString profile; // empty when not about one profile
    QString op; // the op or source name concerned; empty when about the profile
    QString message;

    bool operator==(const Violation&) const = default;
};

QString kindName(Violation::Kind kind); // "rule-violation", "split-fused-group", ...
QString severityName(Violation::Severity severity);

} // namespace qc
