import OrderedCollections

/// A typed view over a JSON object. The object itself is the storage, so every field the
/// typed accessors do not know stays in place, in its order, with its original text.
public protocol JSONView: Sendable, Hashable, Codable {
  var json: JSONObject { get set }
  init(json: JSONObject)
}

extension JSONView {
  public init() { self.init(json: [:]) }

  /// Decodes leniently: anything that is not an object gives an empty view.
  public init(_ value: JSON) { self.init(json: value.objectValue ?? [:]) }

  public var value: JSON { .object(json) }

  public init(from decoder: Decoder) throws {
    let v = try JSON(from: decoder)
    self.init(json: v.objectValue ?? [:])
  }

  public func encode(to encoder: Encoder) throws { try JSON.object(json).encode(to: encoder) }

  // Accessors used by the typed properties. A value of the wrong kind reads as missing rather
  // than failing the whole product: Ecwid's shapes drift over time.
  public func string(_ key: String) -> String? { json[key]?.stringValue }
  public func bool(_ key: String) -> Bool? { json[key]?.boolValue }
  public func number(_ key: String) -> JSONNumber? { json[key]?.numberValue }
  public func double(_ key: String) -> Double? { json[key]?.doubleValue }
  public func int(_ key: String) -> Int? { json[key]?.intValue }
  public func object<V: JSONView>(_ key: String, as: V.Type = V.self) -> V? {
    json[key]?.objectValue.map(V.init(json:))
  }
  public func objects<V: JSONView>(_ key: String, as: V.Type = V.self) -> [V]? {
    json[key]?.arrayValue.map { $0.compactMap { $0.objectValue.map(V.init(json:)) } }
  }
  public func translations(_ key: String) -> Translations? {
    json[key]?.objectValue.map(Translations.init(json:))
  }

  /// Sets a field; `nil` removes the key (it is then simply not sent).
  public mutating func set(_ key: String, _ value: JSON?) {
    if let value { json[key] = value } else { json.removeValue(forKey: key) }
  }
  public mutating func set(_ key: String, string value: String?) { set(key, value.map(JSON.string)) }
  public mutating func set(_ key: String, bool value: Bool?) { set(key, value.map(JSON.bool)) }
  public mutating func set(_ key: String, number value: JSONNumber?) { set(key, value.map(JSON.number)) }
  public mutating func set(_ key: String, double value: Double?) {
    set(key, value.map { JSON.number(JSONNumber($0)) })
  }
  public mutating func set(_ key: String, int value: Int?) { set(key, value.map(JSON.int)) }
  public mutating func set<V: JSONView>(_ key: String, object value: V?) { set(key, value.map { .object($0.json) }) }
  public mutating func set<V: JSONView>(_ key: String, objects value: [V]?) {
    set(key, value.map { .array($0.map { .object($0.json) }) })
  }
}

/// A translations map `lang → text` (`{"en": "Toys", "cs": ""}`). Keys such as `es_419` occur.
public struct Translations: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public init(_ pairs: [(String, String)]) {
    var o = JSONObject()
    for (k, v) in pairs { o[k] = .string(v) }
    self.json = o
  }

  public var languages: [String] { Array(json.keys) }
  public subscript(lang: String) -> String? {
    get { json[lang]?.stringValue }
    set { set(lang, string: newValue) }
  }
  public var pairs: [(language: String, text: String)] {
    json.map { ($0.key, $0.value.stringValue ?? "") }
  }
  public var isEmpty: Bool { json.isEmpty }
}

/// A string-backed enum value that keeps unknown values as the raw text that came.
public protocol OpenEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
  init(rawValue: String)
  static var known: [Self] { get }
}

extension OpenEnum {
  public var isKnown: Bool { Self.known.contains(self) }
  public var description: String { rawValue }
}
