#pragma once

#include <QStringView>
#include <cstdint>
#include <cstring>
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

    // The one hash of names, for this index and other name-keyed tables: four UTF-16 units per multiply,
    // then MurmurHash3's 64-bit finalizer for the low bits a mask keeps. Cheaper than qHash's; lookup
    // structures only (nothing written depends on their order), and names come from files, not from an
    // adversary.
    static std::uint32_t hashOf(QStringView name)
    {
        const char16_t* p = name.utf16();
        size_t n = size_t(name.size());
        std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
        for (; n >= 4; n -= 4, p += 4) {
            std::uint64_t word;
            std::memcpy(&word, p, sizeof word);
            h = (h ^ word) * 0xff51afd7ed558ccdull;
            h ^= h >> 29;
        }
        std::uint64_t tail = 0;
        if (n > 0)
            std::memcpy(&tail, p, n * sizeof(char16_t));
        h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return std::uint32_t(h);
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
