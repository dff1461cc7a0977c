export { districtAndTowns, groupByTown, placeName, townOfPlace, townOptions, type TownOption } from './places.ts';
