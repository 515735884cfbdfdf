#pragma once

#include <QString>

namespace qc {

// A hand edit of one op: keep it in higher precision, or force INT8 (allowed against a rule, but then a
// violation every output shows).
struct Override
{
    enum class Action { Keep, Int8 };

    QString op;
    Action action = Action::Keep;
    QString note;

    bool operator==(const Override&) const = default;
};

inline QString overrideActionName(Override::Action a)
{
    return a == Override::Action::Keep ? QStringLiteral("keep") : QStringLiteral("int8");
}

} // namespace qc
