#include "Seeds.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtEndian>
#include <cstdio>
#include <cstdlib>

namespace qc::seeds {

SeedSink::SeedSink(QString sourceDir, QString outputDir)
    : m_source(std::move(sourceDir))
    , m_output(std::move(outputDir))
{ }

QString SeedSink::source(const QString& relative) const
{
    return m_source.filePath(relative);
}

QByteArray SeedSink::read(const QString& relative) const
{
    QFile file(source(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "make_seeds: cannot read %s\n", qPrintable(file.fileName()));
        std::exit(2);
    }
    return file.readAll();
}

void SeedSink::add(const QString& target, const QString& name, const QByteArray& content)
{
    m_output.mkpath(target);
    QFile file(m_output.filePath(target + QLatin1Char('/') + name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        std::fprintf(stderr, "make_seeds: cannot write %s\n", qPrintable(file.fileName()));
        std::exit(2);
    }
    ++m_count;
}

void SeedSink::add(const QString& target, const QString& name, uint8_t selector, const QByteArray& content)
{
    add(target, name, QByteArray(1, char(selector)) + content);
}

namespace {
// Larger seeds slow every execution that mutates them; the fuzzer's -max_len is 32 KiB.
constexpr qsizetype kMaxLogSeed = 16 * 1024;
} // namespace

bool inSlice(const QString& opName)
{
    static const QRegularExpression later(
        QStringLiteral(R"((layers\.([2-9]|\d\d)|blocks\.([1-9]|\d\d))(\.|$))"));
    return !later.match(opName).hasMatch();
}

QByteArray sliceLog(const QByteArray& log)
{
    // INC writes ops as ('name', 'Type') tuples, with ": tensor(x)" in its fallback-order dicts.
    static const QRegularExpression entry(QStringLiteral(R"(\('([^']*)', '[^']*'\)(?:: tensor\([^)]*\))?)"));
    static const QRegularExpression hawqLine(QStringLiteral(R"(\*\*\* op: ([^,\s]+), hessian trace)"));
    static const QRegularExpression opsCount(QStringLiteral(R"(ops_lst\(\d+\))"));
    QByteArray out;
    for (const QByteArray& rawLine : log.split('\n')) {
        QString line = QString::fromUtf8(rawLine);
        if (const auto hawq = hawqLine.match(line); hawq.hasMatch() && !inSlice(hawq.captured(1)))
            continue;
        QStringList kept;
        qsizetype first = -1, last = -1;
        for (auto it = entry.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (first < 0)
                first = match.capturedStart();
            last = match.capturedEnd();
            if (inSlice(match.captured(1)))
                kept.append(match.captured(0));
        }
        if (first >= 0) {
            if (kept.isEmpty())
                continue;
            line = line.left(first) + kept.join(QStringLiteral(", ")) + line.mid(last);
            line.replace(opsCount, QStringLiteral("ops_lst(%1)").arg(kept.size()));
        }
        out += line.toUtf8() + '\n';
    }
    if (out.size() <= kMaxLogSeed)
        return out;
    // A real run's log is mostly progress lines: keep its head and the lines the importer reads.
    static const QRegularExpression marker(QStringLiteral(
        R"(fallback order:|ops_lst\(|Dump MSE order:|hessian trace :|have the highest sensitivity|\*\*\* op: )"));
    QByteArray kept;
    int line = 0;
    for (const QByteArray& text : out.split('\n')) {
        if (line++ < 5 || marker.match(QString::fromUtf8(text)).hasMatch())
            kept += text + '\n';
    }
    return kept;
}

Slice exampleSlice(const SeedSink& sink)
{
    const QString example = QStringLiteral("resources/examples/qwen2_5_vl_3b/");
    Slice slice;
    const QList<QByteArray> lines = sink.read(example + QStringLiteral("ops.csv")).split('\n');
    slice.opsCsv = lines.front() + '\n';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty() && inSlice(QString::fromUtf8(lines[i].left(lines[i].indexOf(',')))))
            slice.opsCsv += lines[i] + '\n';
    }
    slice.inventory
        = InventoryReader::readCsv(slice.opsCsv, QStringLiteral("ops.csv"), OpClassifier::defaults());
    for (const char* log : { "inc_mse_v2_debug.log", "inc_hawq_v2.log" }) {
        for (Metric& metric : MetricImporter::import(sink.source(example + QLatin1String(log)))) {
            std::vector<MetricEntry> entries;
            for (MetricEntry& e : metric.entries) {
                if (inSlice(e.name))
                    entries.push_back(std::move(e));
            }
            metric.entries = std::move(entries);
            slice.metrics.push_back(std::move(metric));
        }
    }
    return slice;
}

QByteArray safetensorsBytes(const std::vector<TensorSpec>& tensors)
{
    QJsonObject header;
    header.insert(
        QStringLiteral("__metadata__"), QJsonObject { { QStringLiteral("format"), QStringLiteral("pt") } });
    qint64 offset = 0;
    for (const TensorSpec& tensor : tensors) {
        QJsonArray shape;
        qint64 numel = 1;
        for (const qint64 d : tensor.shape) {
            shape.append(d);
            numel *= d;
        }
        const qint64 end = offset + 2 * numel; // BF16
        header.insert(tensor.name,
            QJsonObject { { QStringLiteral("dtype"), QStringLiteral("BF16") },
                { QStringLiteral("shape"), shape },
                { QStringLiteral("data_offsets"), QJsonArray { offset, end } } });
        offset = end;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8 != 0) // the format pads the header with spaces to 8 bytes
        json += ' ';
    QByteArray out(8, '\0');
    qToLittleEndian<quint64>(quint64(json.size()), out.data());
    return out + json + QByteArray(offset, '\0');
}

std::vector<TensorSpec> tensorsOf(const Inventory& inventory)
{
    // Shapes by kind, four wide: enough for the reader to tell Linear, norm, embedding and conv apart.
    std::vector<TensorSpec> tensors;
    for (const Op& op : inventory.ops()) {
        if (op.opType == QLatin1String("Conv3d"))
            tensors.push_back({ op.name + QStringLiteral(".weight"), { 4, 3, 2, 2, 2 } });
        else if (op.opType.contains(QLatin1String("Norm")))
            tensors.push_back({ op.name + QStringLiteral(".weight"), { 4 } });
        else
            tensors.push_back({ op.name + QStringLiteral(".weight"), { 4, 4 } });
        if (op.name.endsWith(QLatin1String(".qkv")) || op.name.endsWith(QLatin1String("_proj")))
            tensors.push_back({ op.name + QStringLiteral(".bias"), { 4 } });
    }
    return tensors;
}

} // namespace qc::seeds
