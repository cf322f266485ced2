/// The names and categories of service-region indices (`FlowKey.serviceRegionIndex`), seen
/// from a VPC in one region.
struct ServiceRegionNames {
    let serviceRegions: [ServiceRegion]
    /// The VPC's region: same-region destinations are the ones endpoints can carry.
    let vpcRegion: String

    /// The service and region of a service-region index (0: the internet).
    func name(_ index: Int) -> (service: String, region: String) {
        guard index > 0, index < serviceRegions.count else { return (ServiceRegionName.internet, ServiceRegionName.noRegion) }
        return (serviceRegions[index].service, serviceRegions[index].region)
    }

    func category(_ index: Int) -> ServiceCategory {
        let (service, region) = name(index)
        return ServiceCategory.of(service: service, region: region, vpcRegion: vpcRegion)
    }
}
