#pragma once

#include "Op.h"
#include "io/NameIndex.h"

#include <QByteArrayView>
#include <QString>
#include <vector>

namespace qc {

// The model's ops in model order, with a name index. Names are unique.
class Inventory
{
public:
    Inventory() = default;
    // Throws std::invalid_argument on a duplicate name and std::overflow_error when the parameter counts add
    // up to more than kMaxParams (readers turn both into a FileError first).
    explicit Inventory(std::vector<Op> ops, QString source = {});

    const std::vector<Op>& ops() const { return m_ops; }
    const Op& at(int i) const { return m_ops[size_t(i)]; }
    int size() const { return int(m_ops.size()); }
    bool isEmpty() const { return m_ops.empty(); }
    int indexOf(QStringView name) const
    {
        return m_index.find(name, [this](int i) { return QStringView(m_ops[size_t(i)].name); });
    }
    int indexOf(const QString& name) const { return indexOf(QStringView(name)); }
    // The same for a name as UTF-8 bytes, without a string made of them when they are ASCII (op names).
    int indexOfUtf8(QByteArrayView name) const;
    // The same, first trying the few ops from `near` on: sources list ops in model order more often than
    // not, skipping some (norms), and comparing a name close by costs less than a probe of the index.
    int indexOf(QStringView name, int near) const;
    int indexOfUtf8(QByteArrayView name, int near) const;
    // Op indices sorted by name (QString order): the order every list in a file and an export uses, sorted
    // once here instead of per save.
    const std::vector<int>& byName() const { return m_byName; }

    // Where it came from: a file path, or "rankings" when built from the union of ranked names.
    const QString& source() const { return m_source; }
    void setSource(const QString& source) { m_source = source; }
    qint64 totalParams() const { return m_totalParams; } // sum of known counts, at most kMaxParams
    bool hasParams() const; // every op has a known count
    // SHA-256 over names and types, in order: identifies the inventory in a profile file.
    QString fingerprint() const;

private:
    std::vector<Op> m_ops;
    NameIndex m_index;
    std::vector<int> m_byName;
    QString m_source;
    qint64 m_totalParams = 0;
};

} // namespace qc
