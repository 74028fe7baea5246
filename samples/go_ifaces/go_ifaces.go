// Go's net package asks the IP Helper API (GetAdaptersAddresses) for the machine's interfaces:
// the loopback-only machine has one, with 127.0.0.1/8 and ::1/128.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	ifaces, err := net.Interfaces()
	if err != nil {
		fmt.Println("net.Interfaces:", err)
		os.Exit(1)
	}
	for _, ifi := range ifaces {
		fmt.Printf("%d %q mtu %d flags %v hw %q\n", ifi.Index, ifi.Name, ifi.MTU, ifi.Flags, ifi.HardwareAddr.String())
		addrs, err := ifi.Addrs()
		if err != nil {
			fmt.Println("  Addrs:", err)
			os.Exit(1)
		}
		for _, a := range addrs {
			fmt.Printf("  %s %s\n", a.Network(), a.String())
		}
	}
	byName, err := net.InterfaceByName("Loopback Pseudo-Interface 1")
	fmt.Println("by name:", byName != nil && byName.Index == 1, err)
	_, err = net.InterfaceByIndex(9)
	fmt.Println("index 9:", err)
	all, err := net.InterfaceAddrs()
	fmt.Println("InterfaceAddrs:", all, err)
}
