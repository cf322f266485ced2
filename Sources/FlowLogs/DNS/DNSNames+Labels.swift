extension DNSNames {
    /// How the report names a service of this map: its endpoint service
    /// (`com.amazonaws.us-east-1.ecr.api`), else the DNS name that gave it (`sts.amazonaws.com`).
    public func label(ofService index: Int) -> String {
        let service = services[index]
        if let name = service.endpointName { return name }
        for (key, value) in serviceKeys where value == index {
            if let colon = key.firstIndex(of: ":") { return String(key[key.index(after: colon)...]) }
            return key
        }
        return service.kind.rawValue
    }
}
