#pragma once

#include "CutPlan.h"

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace qc {

// One profile as lists: the form a file stores and every export consumes.
struct ProfileLists
{
    ProfileSpec spec;
    QStringList quantize; // sorted
    std::vector<std::pair<QString, QString>> keep; // (op, reason), sorted by op
};

} // namespace qc
