#include "InventoryReader.h"

#include "io/CheckedNumbers.h"
#include "io/CsvReader.h"
#include "io/CsvTable.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/StringPool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

namespace qc {

namespace {

// A header larger than this is not a real checkpoint header but a corrupt length; refuse it before
// allocating.
constexpr quint64 kMaxHeaderBytes = 100ull * 1024 * 1024;
const QLatin1String kIndexSuffix(".safetensors.index.json");

struct Tensor
{
    QString name;
    QList<qint64> shape;
    qint64 numel = 1;
};

// One module assembled from its parameter tensors.
struct Module
{
    qint64 params = 0;
    int weightRank = -1; // -1: no `weight` tensor
    bool hasBias = false;
};

// Reads the 8-byte length and the JSON header of one safetensors file, nothing of the tensor data.
std::vector<Tensor> readSafetensorsHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw FileError(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    const qint64 fileSize = file.size();
    const QByteArray lengthBytes = file.read(8);
    if (lengthBytes.size() < 8)
        throw FileError(
            path, QStringLiteral("not a safetensors file: shorter than the 8-byte header length"));
    const quint64 headerLength = qFromLittleEndian<quint64>(lengthBytes.constData());
    if (headerLength < 2 || headerLength > kMaxHeaderBytes)
        throw FileError(path,
            QStringLiteral("not a safetensors file: implausible header length %1 bytes").arg(headerLength));
    if (qint64(8 + headerLength) > fileSize)
        throw FileError(path,
            QStringLiteral("truncated safetensors file: the header claims %1 bytes but only %2 follow")
                .arg(headerLength)
                .arg(fileSize - 8));
    const QByteArray header = file.read(qint64(headerLength));
    if (header.size() != qint64(headerLength))
        throw FileError(
            path, QStringLiteral("cannot read the safetensors header: %1").arg(file.errorString()));
    const qint64 dataSize = fileSize - 8 - qint64(headerLength);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(header, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw FileError(path,
            QStringLiteral("invalid safetensors header JSON at byte %1: %2")
                .arg(8 + parseError.offset)
                .arg(parseError.errorString()));
    if (!document.isObject())
        throw FileError(path, QStringLiteral("invalid safetensors header: not a JSON object"));

    std::vector<Tensor> tensors;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject entry = it.value().toObject();
        const QJsonValue shapeValue = entry.value(QLatin1String("shape"));
        if (!it.value().isObject() || !shapeValue.isArray())
            throw FileError(path, QStringLiteral("tensor '%1' has no shape in the header").arg(it.key()));
        Tensor tensor;
        tensor.name = it.key();
        for (const QJsonValue& dim : shapeValue.toArray()) {
            const std::optional<qint64> d = dim.isDouble() ? wholeNumber(dim.toDouble()) : std::nullopt;
            if (!d || *d < 0)
                throw FileError(path,
                    QStringLiteral("tensor '%1' has an invalid shape (dimension %2)")
                        .arg(it.key(),
                            QString::fromUtf8(
                                QJsonDocument(QJsonArray { dim }).toJson(QJsonDocument::Compact))));
            tensor.shape.append(*d);
            const std::optional<qint64> numel = checkedMul(tensor.numel, *d);
            if (!numel || *numel > kMaxParams)
                throw FileError(path,
                    QStringLiteral("tensor '%1' has an absurd shape (more than 2^53 elements)")
                        .arg(it.key()));
            tensor.numel = *numel;
        }
        // The offsets must lie in the file: a cut-off download is reported here, not at load time.
        const QJsonArray offsets = entry.value(QLatin1String("data_offsets")).toArray();
        if (offsets.size() == 2) {
            const std::optional<qint64> begin = wholeNumber(offsets[0].toDouble(-1));
            const std::optional<qint64> end = wholeNumber(offsets[1].toDouble(-1));
            if (!begin || !end || *begin < 0 || *end < *begin || *end > dataSize)
                throw FileError(path,
                    QStringLiteral(
                        "truncated safetensors file: tensor '%1' data [%2, %3) is beyond the %4 data bytes")
                        .arg(it.key())
                        .arg(offsets[0].toDouble(-1), 0, 'g', 17)
                        .arg(offsets[1].toDouble(-1), 0, 'g', 17)
                        .arg(dataSize));
        }
        tensors.push_back(std::move(tensor));
    }
    return tensors;
}

QString moduleOf(const QString& tensorName)
{
    const qsizetype dot = tensorName.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? tensorName : tensorName.left(dot);
}

QString leafOf(const QString& tensorName)
{
    const qsizetype dot = tensorName.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : tensorName.mid(dot + 1);
}

Inventory foldTensors(
    const std::vector<Tensor>& tensors, const QString& source, const OpClassifier& classifier)
{
    QHash<QString, Module> modules;
    ParamTotal total(source);
    for (const Tensor& tensor : tensors) {
        Module& module = modules[moduleOf(tensor.name)];
        total.add(tensor.numel, 0, QStringLiteral("tensor '%1' with").arg(tensor.name));
        module.params += tensor.numel; // at most the checked total
        const QString leaf = leafOf(tensor.name);
        if (leaf == QLatin1String("weight"))
            module.weightRank = int(tensor.shape.size());
        else if (leaf == QLatin1String("bias"))
            module.hasBias = true;
    }
    if (modules.isEmpty())
        throw FileError(source, QStringLiteral("the checkpoint holds no tensors"));

    QStringList names = modules.keys();
    std::sort(names.begin(), names.end(), InventoryReader::naturalLess);
    std::vector<Op> ops;
    ops.reserve(size_t(names.size()));
    for (const QString& name : std::as_const(names)) {
        const Module& module = modules.value(name);
        ops.push_back(Op { name, InventoryReader::opTypeFromWeight(name, module.weightRank, module.hasBias),
            classifier.component(name), OpClassifier::layerIndex(name), module.params });
    }
    return Inventory(std::move(ops), source);
}

Inventory readIndex(const QString& indexPath, const OpClassifier& classifier)
{
    const QByteArray data = readTextInput(indexPath);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw FileError(indexPath, lineOfOffset(data, parseError.offset),
            QStringLiteral("invalid JSON: %1").arg(parseError.errorString()));
    const QJsonValue weightMapValue = document.object().value(QLatin1String("weight_map"));
    if (!weightMapValue.isObject())
        throw FileError(indexPath, QStringLiteral("not a safetensors index: no \"weight_map\" object"));
    const QJsonObject weightMap = weightMapValue.toObject();
    if (weightMap.isEmpty())
        throw FileError(indexPath, QStringLiteral("the \"weight_map\" is empty"));

    // Shard -> the tensors the index puts there; std::map keeps the shard order deterministic.
    std::map<QString, QStringList> shards;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        if (!it.value().isString() || it.value().toString().isEmpty())
            throw FileError(indexPath, QStringLiteral("tensor '%1' has no shard file name").arg(it.key()));
        shards[it.value().toString()].append(it.key());
    }

    const QDir dir = QFileInfo(indexPath).absoluteDir();
    std::vector<Tensor> tensors;
    QHash<QString, QString> shardOf;
    for (const auto& [shard, expected] : shards) {
        const QString shardPath = dir.filePath(shard);
        // An inventory guessed from names alone would have no types or counts: refuse rather than half-work.
        if (!QFileInfo::exists(shardPath))
            throw FileError(indexPath,
                QStringLiteral("missing shard '%1' (listed in weight_map, not in %2)")
                    .arg(shard, QDir::toNativeSeparators(dir.path())));
        for (Tensor& tensor : readSafetensorsHeader(shardPath)) {
            const QString previous = shardOf.value(tensor.name);
            if (!previous.isEmpty())
                throw FileError(shardPath,
                    QStringLiteral("tensor '%1' is also in shard '%2'").arg(tensor.name, previous));
            shardOf.insert(tensor.name, shard);
            tensors.push_back(std::move(tensor));
        }
        for (const QString& name : expected) {
            if (shardOf.value(name) != shard)
                throw FileError(shardPath,
                    QStringLiteral("tensor '%1' is listed in the index for this shard but not in its header")
                        .arg(name));
        }
    }
    return foldTensors(tensors, indexPath, classifier);
}

bool looksLikeSafetensors(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(9);
    if (head.size() < 9)
        return false;
    const quint64 length = qFromLittleEndian<quint64>(head.constData());
    return head[8] == '{' && length >= 2 && length <= kMaxHeaderBytes;
}

QString pickFromDirectory(const QString& path)
{
    const QDir dir(path);
    auto only = [&](const QString& pattern) -> QString {
        const QStringList found = dir.entryList({ pattern }, QDir::Files, QDir::Name);
        if (found.size() > 1)
            throw FileError(path,
                QStringLiteral("ambiguous inventory: %1 files match %2 (%3); name the file")
                    .arg(found.size())
                    .arg(pattern, found.join(QLatin1String(", "))));
        return found.isEmpty() ? QString() : dir.filePath(found.front());
    };
    // A curated ops.csv wins over a checkpoint beside it: it keeps model order and the tied lm_head.
    if (dir.exists(QStringLiteral("ops.csv")))
        return dir.filePath(QStringLiteral("ops.csv"));
    if (dir.exists(QStringLiteral("model.safetensors.index.json")))
        return dir.filePath(QStringLiteral("model.safetensors.index.json"));
    if (QString index = only(QLatin1String("*") + kIndexSuffix); !index.isEmpty())
        return index;
    if (dir.exists(QStringLiteral("model.safetensors")))
        return dir.filePath(QStringLiteral("model.safetensors"));
    if (QString single = only(QStringLiteral("*.safetensors")); !single.isEmpty())
        return single;
    if (QString csv = only(QStringLiteral("*.csv")); !csv.isEmpty())
        return csv;
    throw FileError(path,
        QStringLiteral("no inventory in this directory: expected an ops CSV, a *.safetensors file or "
                       "model.safetensors.index.json"));
}

// A blank cell is "not given"; anything else must be a whole number.
std::optional<qint64> integerCell(QByteArrayView bytes, const QString& file, int line, const QString& column,
    qint64 minimum, qint64 maximum)
{
    if (bytes.isEmpty())
        return std::nullopt;
    // Digits only (every real cell) need not go through Qt's general parser; it takes the same value.
    const bool negative = bytes.front() == '-';
    const QByteArrayView digits = bytes.sliced(negative ? 1 : 0);
    if (!digits.isEmpty() && digits.size() <= 18
        && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        qint64 value = 0;
        std::from_chars(bytes.begin(), bytes.end(), value);
        if (value >= minimum && value <= maximum)
            return value;
    }
    bool ok = false;
    const qint64 value = bytes.toLongLong(&ok);
    const QString text = ok && value >= minimum && value <= maximum ? QString() : QString::fromUtf8(bytes);
    if (!ok || value < minimum)
        throw FileError(
            file, line, QStringLiteral("%1 '%2' is not an integer >= %3").arg(column, text).arg(minimum));
    if (value > maximum)
        throw FileError(file, line, QStringLiteral("%1 %2 is above %3").arg(column, text).arg(maximum));
    return value;
}

// The first repeated name with both lines. Only called once Inventory has found that a duplicate exists, so
// the happy path builds one name index (Inventory's) instead of two.
FileError duplicateNameError(const CsvTable& table, int nameColumn, const QString& file)
{
    QHash<QString, int> firstLine;
    for (const CsvTable::Row& row : table.rows()) {
        const QString& name = row.cells[nameColumn];
        if (const int first = firstLine.value(name); first > 0)
            return FileError(file, row.line,
                QStringLiteral("duplicate op name '%1' (first at line %2)").arg(name).arg(first));
        firstLine.insert(name, row.line);
    }
    return FileError(file, QStringLiteral("duplicate op name"));
}

} // namespace

QString InventoryReader::opTypeFromWeight(const QString& module, int weightRank, bool hasBias)
{
    static const QRegularExpression embeddingName(QStringLiteral(
        R"((^|\.)(embed_tokens|wte|wpe|word_embeddings|embed_in|tok_embeddings|embeddings)$)"));
    static const QRegularExpression normName(QStringLiteral(R"(norm|(^|\.|_)ln_|(^|\.)ln(_?f|\d*)$)"));
    const QString leaf = module.mid(module.lastIndexOf(QLatin1Char('.')) + 1);
    switch (weightRank) {
    case 2:
        // An embedding table has no bias; "embed" + bias is a projection such as a vision embed Linear.
        if (embeddingName.match(module).hasMatch() || (leaf.contains(QLatin1String("embed")) && !hasBias))
            return QStringLiteral("Embedding");
        return QStringLiteral("Linear");
    case 1:
        if (normName.match(leaf).hasMatch())
            return hasBias ? QStringLiteral("LayerNorm") : QStringLiteral("RMSNorm");
        return QStringLiteral("Other");
    case 3:
        return QStringLiteral("Conv1d");
    case 4:
        return QStringLiteral("Conv2d");
    case 5:
        return QStringLiteral("Conv3d");
    default:
        return QStringLiteral("Other");
    }
}

bool InventoryReader::naturalLess(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ie = i, je = j;
            while (ie < a.size() && a[ie].isDigit())
                ++ie;
            while (je < b.size() && b[je].isDigit())
                ++je;
            // Compare digit runs by value without parsing (no overflow): skip leading zeros, then length,
            // then text.
            qsizetype is = i, js = j;
            while (is + 1 < ie && a[is] == QLatin1Char('0'))
                ++is;
            while (js + 1 < je && b[js] == QLatin1Char('0'))
                ++js;
            if (ie - is != je - js)
                return ie - is < je - js;
            if (const int c = QStringView(a).sliced(is, ie - is).compare(QStringView(b).sliced(js, je - js));
                c != 0)
                return c < 0;
            // Equal values: fewer leading zeros first, so "1" and "01" still order strictly.
            if (ie - i != je - j)
                return ie - i < je - j;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool InventoryReader::isCheckpoint(const QString& path)
{
    return QFileInfo(path).isDir() || path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".safetensors.index.json"), Qt::CaseInsensitive);
}

QStringList InventoryReader::inputFiles(const QString& path)
{
    QStringList files { path };
    try {
        const QString file = QFileInfo(path).isDir() ? pickFromDirectory(path) : path;
        files.append(file);
        if (!file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            return files;
        QFile index(file);
        if (!index.open(QIODevice::ReadOnly) || index.size() > qint64(kMaxHeaderBytes))
            return files;
        const QJsonObject weightMap
            = QJsonDocument::fromJson(index.readAll()).object().value(QLatin1String("weight_map")).toObject();
        const QDir dir = QFileInfo(file).absoluteDir();
        QSet<QString> shards;
        for (auto it = weightMap.begin(); it != weightMap.end(); ++it)
            shards.insert(it.value().toString());
        for (const QString& shard : std::as_const(shards)) {
            if (!shard.isEmpty())
                files.append(dir.filePath(shard));
        }
    } catch (const FileError&) {
        // Unresolvable: the read itself reports it.
    }
    return files;
}

Inventory InventoryReader::read(const QString& path, const OpClassifier& classifier)
{
    const QFileInfo info(path);
    if (path != QLatin1String("-") && !info.exists())
        throw FileError(path, QStringLiteral("no such file or directory"));
    const QString file = info.isDir() ? pickFromDirectory(path) : path;
    const bool isIndexOrSafetensors = file.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive)
        || file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (file != QLatin1String("-") && (isIndexOrSafetensors || looksLikeSafetensors(file))) {
        Inventory inventory = readSafetensors(file, classifier);
        inventory.setSource(path);
        return inventory;
    }
    Inventory inventory = readCsv(readTextInput(file), file, classifier);
    inventory.setSource(path);
    return inventory;
}

Inventory InventoryReader::readSafetensors(const QString& path, const OpClassifier& classifier)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return readIndex(path, classifier);
    return foldTensors(readSafetensorsHeader(path), path, classifier);
}

Inventory InventoryReader::readCsv(
    const QByteArray& data, const QString& file, const OpClassifier& classifier)
{
    CsvReader reader(data, file);
    const int nameColumn = reader.column({ "name", "op", "op_name", "module" });
    if (nameColumn < 0)
        throw FileError(file, 1,
            QStringLiteral("no name column (expected one of name, op, op_name, module) in header: %1")
                .arg(reader.header().join(QLatin1String(", "))));
    const int typeColumn = reader.column({ "op_type", "type" });
    const int layerColumn = reader.column({ "layer_index", "layer" });
    const int componentColumn = reader.column({ "component" });
    const int paramsColumn = reader.column({ "params" });
    auto cell = [&](int column) { return column < 0 ? QByteArrayView() : reader.cell(column); };

    std::vector<Op> ops;
    ops.reserve(size_t(std::count(data.begin(), data.end(), '\n')));
    // Types and components repeat on nearly every row: sharing one string per distinct value (implicit
    // sharing) instead of one allocation per cell saves ~100 MB at 1M ops.
    StringPool types;
    StringPool components;
    ParamTotal total(file);
    while (reader.next()) {
        Op op;
        op.name = reader.text(nameColumn);
        if (op.name.isEmpty())
            throw FileError(file, reader.line(), QStringLiteral("empty op name"));
        op.opType = types.shared(cell(typeColumn));
        op.component = components.shared(cell(componentColumn));
        if (op.component.isEmpty())
            op.component = classifier.component(op.name);
        // A blank layer means "outside any block"; the name rule returns -1 there too, so the two agree.
        // Not value_or(): it would run the name regex on every row, a sixth of the read at 1M ops.
        const std::optional<qint64> layer = integerCell(cell(layerColumn), file, reader.line(),
            QStringLiteral("layer"), -1, std::numeric_limits<int>::max());
        op.layer = layer ? int(*layer) : OpClassifier::layerIndex(op.name);
        op.params = integerCell(cell(paramsColumn), file, reader.line(), QStringLiteral("params"), 0,
            std::numeric_limits<qint64>::max())
                        .value_or(-1);
        total.add(op.params, reader.line());
        ops.push_back(std::move(op));
    }
    if (ops.empty())
        throw FileError(file, 1, QStringLiteral("the inventory lists no ops"));
    try {
        return Inventory(std::move(ops), file);
    } catch (const std::invalid_argument&) {
        // The Inventory's own index finds duplicates; only then are their lines worth a second pass.
        throw duplicateNameError(CsvTable::parse(data, file), nameColumn, file);
    }
}

Inventory InventoryReader::fromNames(
    const std::vector<std::pair<QString, QString>>& namesAndTypes, const OpClassifier& classifier)
{
    std::vector<Op> ops;
    QHash<QString, size_t> index;
    for (const auto& [name, type] : namesAndTypes) {
        if (name.isEmpty())
            continue;
        if (const auto it = index.constFind(name); it != index.cend()) {
            // A later ranking may know the type an earlier one left out.
            if (ops[*it].opType.isEmpty())
                ops[*it].opType = type;
            continue;
        }
        index.insert(name, ops.size());
        ops.push_back(Op { name, type, classifier.component(name), OpClassifier::layerIndex(name), -1 });
    }
    return Inventory(std::move(ops), QStringLiteral("rankings"));
}

} // namespace qc
