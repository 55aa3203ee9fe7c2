/** Who is making a change. Every mutation records it. */
export interface Actor {
  id: string;
  name: string;
}
