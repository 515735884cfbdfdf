#pragma once

#include <QCoreApplication>
#include <QVariant>

namespace qc::gui {

// The horizontal header of a table model from two parallel tables: a short title per column (shown) and a
// sentence per column (its tooltip), translated in the model's own context.
template<size_t N>
QVariant columnHeader(
    const char* context, int section, int role, const char* const (&titles)[N], const char* const (&tips)[N])
{
    if (section < 0 || size_t(section) >= N)
        return {};
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate(context, titles[section]);
    if (role == Qt::ToolTipRole)
        return QCoreApplication::translate(context, tips[section]);
    return {};
}

} // namespace qc::gui
