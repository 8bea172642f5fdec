/** The person who signs a letter. Only the name is required; the rest comes from the profile or flags. */
export interface Sender {
  name: string;
  address?: string[];
  country?: string;
  email?: string;
}
