export const label = (user: User) => "New checkout";
