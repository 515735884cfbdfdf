#pragma once

#include "ranking/Ranking.h"

#include <QLatin1StringView>
#include <QString>

namespace qc {

// Why a profile keeps an op, in parts: the one decision behind Project::keepReason and the keep lists the
// profile file writes (which spell it as bytes, without a string per op).
struct KeepCause
{
    enum class Kind { Rule, Override, Fused, Unmeasured, Unranked, Cut };

    Kind kind = Kind::Cut;
    int index = -1; // Rule: the rule; Override: the override; Fused: the partner op; else -1

    // For an op its profile does not quantize.
    static KeepCause of(const Ranking& ranking, int op);

    // The spellings: "rule:<name>", "override[:<note>]", "fused:<op>", and the fixed words.
    static QString ruleReason(const QString& ruleName) { return QStringLiteral("rule:") + ruleName; }
    static QString overrideReason(const QString& note)
    {
        return note.isEmpty() ? QStringLiteral("override") : QStringLiteral("override:") + note;
    }
    static constexpr QLatin1StringView kFusedPrefix { "fused:" };
    // "unmeasured", "unranked" or "cut"; empty for the kinds that name something.
    static QLatin1StringView word(Kind kind);
};

} // namespace qc
