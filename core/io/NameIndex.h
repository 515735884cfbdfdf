#pragma once

#include <QHashFunctions>
#include <QStringView>
#include <cstdint>
#include <vector>

namespace qc {

// Positions of names that live elsewhere (an inventory's ops, a metric's entries): open addressing over
// 32-bit positions with each slot's hash beside it (in the same cache line: a probe is one memory access),
// so a lookup compares strings only on a hash match and the names are never copied. A third of the memory of
// a QHash<QString, int> and about twice as fast.
class NameIndex
{
public:
    void reserve(qsizetype count)
    {
        if (count * 2 > qsizetype(m_slots.size()))
            rehash(capacityFor(count));
    }
    qsizetype size() const { return m_size; }

    // The position stored for `name`, or -1. `nameAt(position)` gives the name stored at a position.
    template<typename NameAt> int find(QStringView name, const NameAt& nameAt) const
    {
        if (m_slots.empty())
            return -1;
        const std::uint32_t hash = hashOf(name);
        for (size_t s = hash & mask();; s = (s + 1) & mask()) {
            const Slot& slot = m_slots[s];
            if (slot.position < 0)
                return -1;
            if (slot.hash == hash && nameAt(slot.position) == name)
                return slot.position;
        }
    }

    // Stores `position` for `name` unless the name is there already; returns the position it holds.
    template<typename NameAt> int insert(QStringView name, int position, const NameAt& nameAt)
    {
        if ((m_size + 1) * 2 > qsizetype(m_slots.size()))
            rehash(capacityFor(m_size + 1));
        const std::uint32_t hash = hashOf(name);
        size_t s = hash & mask();
        for (; m_slots[s].position >= 0; s = (s + 1) & mask()) {
            if (m_slots[s].hash == hash && nameAt(m_slots[s].position) == name)
                return m_slots[s].position;
        }
        m_slots[s] = { position, hash };
        ++m_size;
        return position;
    }

private:
    // A fixed seed: a lookup structure only, nothing written depends on its order.
    static std::uint32_t hashOf(QStringView name) { return std::uint32_t(qHash(name, 0)); }
    size_t mask() const { return m_slots.size() - 1; }
    static size_t capacityFor(qsizetype count)
    {
        size_t capacity = 16;
        while (capacity < size_t(count) * 2)
            capacity *= 2;
        return capacity;
    }
    struct Slot
    {
        int position = -1; // -1: empty
        std::uint32_t hash = 0;
    };
    void rehash(size_t capacity)
    {
        std::vector<Slot> table(capacity);
        for (const Slot& old : m_slots) {
            if (old.position < 0)
                continue;
            size_t s = old.hash & (capacity - 1);
            while (table[s].position >= 0)
                s = (s + 1) & (capacity - 1);
            table[s] = old;
        }
        m_slots = std::move(table);
    }

    std::vector<Slot> m_slots;
    qsizetype m_size = 0;
};

} // namespace qc
