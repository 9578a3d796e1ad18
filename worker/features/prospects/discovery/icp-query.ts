import type { prospectIcps } from '../../../../schema';
import type { ProspectQuery } from '../providers/port';

type IcpRow = typeof prospectIcps.$inferSelect;

/** An ICP's criteria as the provider-neutral query every adapter reads. */
export const icpQuery = (icp: IcpRow): ProspectQuery => ({
  industries: icp.industries,
  province: icp.province,
  cities: icp.cities,
  radiusKm: icp.radiusKm,
  languages: icp.languages,
  employeesMin: icp.employeesMin,
  employeesMax: icp.employeesMax,
  keywords: icp.keywords,
});
