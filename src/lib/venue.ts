// The venue this installation serves. One place to change for another town.
export const VENUE = {
  name: 'Coffice',
  address: 'Stora torget 1, 123 45 Småstad',
  /** opens the phone's map app or the map site; carries no pass data */
  directionsUrl: 'https://www.openstreetmap.org/search?query=Stora%20torget%201%20Sm%C3%A5stad',
} as const;
