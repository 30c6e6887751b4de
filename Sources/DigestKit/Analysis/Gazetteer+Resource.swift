extension Gazetteer {
    /// The gazetteer of `countries.json` (see scripts/countries/make_countries.py).
    init(resource object: [String: Any]) {
        let list = object["countries"] as? [[String: Any]] ?? []
        self.init(countries: [])
        // Ambiguous forms first, so that a country's own list cannot claim them.
        for item in object["ambiguous"] as? [[String: Any]] ?? [] {
            guard let form = item["form"] as? String, let codes = item["codes"] as? [String] else { continue }
            addAmbiguous(form, codes: codes)
        }
        for item in list {
            guard let code = item["code"] as? String, let name = item["name"] as? String else { continue }
            add(Country(code: code, name: name,
                        aliases: item["aliases"] as? [String] ?? [],
                        weakAliases: item["weak"] as? [String] ?? [],
                        latinNames: item["latin"] as? [String] ?? []))
        }
        for region in object["regions"] as? [String] ?? [] { addRegion(region) }
        addContextWords(actors: object["actors"] as? [String] ?? [], media: object["media"] as? [String] ?? [],
                           breaks: object["breaks"] as? [String] ?? [])
        if let values = object["scoring"] as? [String: Double] { scoring.apply(values) }
    }
}
