#pragma once

#include "project/Project.h"

#include <QMap>
#include <QStringList>

namespace qc {

// Maps a project onto another model of the same architecture with a different depth (Qwen2.5-VL-3B with 36
// language layers onto 7B with 28): every target op takes the scores and overrides of the source op with
// the same role (its name with the layer index taken out) at the same relative depth in its component's
// stack. The rules, the combination and the cut fractions carry over unchanged and are re-applied to the
// target inventory, so the result is nested and keeps the same constraints.
class ProfileTransfer
{
public:
    struct Report
    {
        QMap<QString, std::pair<int, int>> depths; // component -> (source layers, target layers)
        QStringList unmappedTargetOps; // no source op has its role: no scores, kept as unranked
        QStringList unmappedOverrides; // source overrides no target op maps to
        int mappedOps = 0;
    };

    static Project transfer(const Project& source, const Inventory& target, Report* report = nullptr);
    // The source layer a target layer maps to: round(layer * (sourceDepth - 1) / (targetDepth - 1)).
    static int mapLayer(int targetLayer, int targetDepth, int sourceDepth);
};

} // namespace qc
