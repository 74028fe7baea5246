// Go's os/user on the machine: the token's user (NTMINI\user) with its SID, its profile folder, and
// its groups, through advapi32, userenv and netapi32 (NetGetJoinInformation, NetUserGetInfo,
// NetUserGetLocalGroups).
package main

import (
	"fmt"
	"os"
	"os/user"
)

func main() {
	u, err := user.Current()
	if err != nil {
		fmt.Println("user.Current:", err)
		os.Exit(1)
	}
	fmt.Printf("Username %q\nName %q\nUid %q\nGid %q\nHomeDir %q\n", u.Username, u.Name, u.Uid, u.Gid, u.HomeDir)
	g, err := user.LookupGroupId(u.Gid)
	fmt.Println("primary group:", g.Name, err)
	ids, err := u.GroupIds()
	fmt.Println("group ids:", len(ids), err)
	for _, id := range ids {
		if g, err := user.LookupGroupId(id); err == nil {
			fmt.Println("  ", g.Name)
		}
	}
	byName, err := user.Lookup("Administrator")
	fmt.Println("Lookup(Administrator):", byName != nil && byName.Uid[len(byName.Uid)-4:] == "-500", err)
	_, err = user.Lookup("nobody")
	fmt.Println("Lookup(nobody):", err)
}
